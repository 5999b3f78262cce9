/** An embedding as OpenAI's `encoding_format: "base64"`: little-endian float32 bytes. */
export function floatsToBase64(values: number[]): string {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => buffer.writeFloatLE(value, i * 4));
  return buffer.toString("base64");
}
