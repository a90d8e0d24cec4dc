/** Thrown inside a waybill's transaction so that it writes nothing; the message is for the person who asked. */
export class WaybillRefusal extends Error {}
