/** A file name safe inside a zip and on any file system: ASCII letters, digits, ". _ -" and space. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 120) || 'document';
}
