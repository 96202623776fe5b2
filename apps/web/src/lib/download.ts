/** Saves a Blob as a file through the browser's normal download (no new tab, nothing kept around). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before letting go of the data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints plain lines of text on their own page (not the whole app), via a hidden frame. */
export function printLines(title: string, lines: readonly string[]): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  document.body.append(frame);
  const doc = frame.contentDocument;
  const win = frame.contentWindow;
  if (!doc || !win) {
    frame.remove();
    return;
  }
  doc.open();
  doc.write(
    '<!doctype html><html lang="en-AU"><head><meta charset="utf-8"><title></title></head><body></body></html>',
  );
  doc.close();
  doc.title = title;
  doc.body.style.cssText = 'font-family:system-ui,sans-serif;padding:24px;color:#0f172a';
  const heading = doc.createElement('h1');
  heading.textContent = title;
  heading.style.cssText = 'font-size:18px;margin:0 0 16px';
  doc.body.append(heading);
  for (const line of lines) {
    const p = doc.createElement('p');
    p.textContent = line;
    p.style.cssText = /^[a-z0-9]{4,}-[a-z0-9]{4,}$/i.test(line)
      ? 'font-family:ui-monospace,monospace;font-size:16px;margin:6px 0'
      : 'font-size:13px;margin:6px 0;color:#334155';
    doc.body.append(p);
  }
  win.focus();
  win.print();
  setTimeout(() => frame.remove(), 60_000);
}
