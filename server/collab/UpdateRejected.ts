/** Why an update was refused: it is malformed, too large in some way, or breaks the bill's shape. */
export class UpdateRejected extends Error {}
