import { Alert, Anchor, createTheme, DEFAULT_THEME, Drawer, Menu, Modal, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults with the contrast WCAG 2.1 AA asks of text (4.5:1): links and filled controls take
 * the primary colour's eighth shade, with black or white text to fit; dimmed text the seventh grey, not the sixth (3.3:1 on white); and
 * the text of light badges and alerts, which sits on a tint of its own colour, its colour's darkest shade
 * darkened further (green, teal or yellow text on their tints is below 4.5:1 at every shade).
 */
export const theme = createTheme({
  // A person who asks their system for less motion gets drawers, menus and dialogs without transitions.
  respectReducedMotion: true,
  primaryShade: { light: 8, dark: 8 },
  // Filled badges and buttons pick black or white text by their colour's luminance; at 0.18 every
  // eighth shade gets the one of the two that reaches 4.5:1 (Mantine's 0.3 leaves white on green).
  autoContrast: true,
  luminanceThreshold: 0.18,
  // A close button shows only a cross: its name is what a screen reader says.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
    // Mantine's menu keeps focus on a nameless placeholder that a menu may not contain; the first item takes it instead.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // A link inside a sentence must stand out by more than its colour.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

const lightTextOnTints = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).map((color) => [`--mantine-color-${color}-light-color`, `color-mix(in srgb, var(--mantine-color-${color}-9), black 30%)`]),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Error text (a field's message, a failed action) in the darkest red: the sixth shade is 3.5:1 on white.
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)', ...lightTextOnTints },
  dark: {},
});
