/** Thrown inside a trip's transaction so that it writes nothing; the message is for the dispatcher who asked. */
export class TripRefusal extends Error {}
