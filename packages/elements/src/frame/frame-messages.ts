/**
 * The messages between an iframe page (`/embed/frame`) and the host page around it. Both scripts inline these at build
 * time; they stay plain strings so a host may also listen for them without the loader.
 */

/** From the frame to its parent: `{ type, height, id }`, the content's height in CSS pixels and the `frame=` name. */
export const FRAME_HEIGHT_MESSAGE = 'plein:frame-height';

/** From the host's loader to a frame: "tell me your height again" (the loader may start after the frame reported). */
export const FRAME_HEIGHT_REQUEST = 'plein:frame-height-request';

export interface FrameHeightMessage {
  type: typeof FRAME_HEIGHT_MESSAGE;
  height: number;
  id: string | null;
}
