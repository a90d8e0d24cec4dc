/** Thrown inside a route's or session's transaction so that it writes nothing; the message is for the dispatcher who asked. */
export class RouteRefusal extends Error {}
