/**
 * The id of the `<script type="application/json">` in which the server hands a signed-in person's session
 * (`GET /auth/me`'s answer) to the app it serves, so the app starts without asking for it.
 */
export const EMBEDDED_SESSION_ID = 'sluice-session';
