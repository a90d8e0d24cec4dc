/**
 * The id of the `<script type="application/json">` in which the server hands a signed-in person's session
 * (`GET /auth/me`'s answer) to the app it serves, so the app starts without asking for it.
 */
export const EMBEDDED_SESSION_ID = 'sluice-session';

/**
 * The id of the one in which it hands over the first page the Orders view shows, `{ query, page }`:
 * `GET /orders?{query}`'s answer, read as the page was served, so the view's first render has its rows.
 */
export const EMBEDDED_ORDERS_PAGE_ID = 'sluice-orders-page';
