/** File names as read from the corpus folder (bytes) → the name recorded in the manifest and the dataset. */

/** The recorded name of a corpus-relative path given as bytes. */
export function recordName(raw: Uint8Array): { name: string; note?: string } {
  return { name: new TextDecoder('utf-8').decode(raw) };
}
