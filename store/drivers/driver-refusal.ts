/** Thrown inside a driver's transaction so that it writes nothing; the message is for whoever asked. */
export class DriverRefusal extends Error {}
