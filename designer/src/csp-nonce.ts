/**
 * The nonce the server put in this page's CSP header and in `<meta property="csp-nonce">` (see
 * vite.config.ts). Every `<style>` added at run time needs it. Read from the `nonce` property, not the
 * attribute: browsers blank the attribute so that page content cannot read it back.
 */
export const cspNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

// Mantine's modals and drawers lock page scrolling through react-remove-scroll, whose style tag takes its
// nonce from this webpack-era global (the `get-nonce` package); there is no other way to hand it over.
if (cspNonce) Object.assign(globalThis, { __webpack_nonce__: cspNonce });
