import { findTfnSpans, maskSpans } from '../text/ids';
import type { DocumentLayout, TextLine } from './types';

/**
 * A copy of a layout with every TFN masked in line and word text ("*** *** ***"), boxes kept.
 * Use it before a layout (e.g. OCR output) is stored or logged. A TFN label on one line covers a
 * number on the next, as on PAYG payment summaries.
 */
export function redactLayout(layout: DocumentLayout): DocumentLayout {
  return {
    pages: layout.pages.map((page) => {
      const texts = page.lines.map((l) =>
        l.words && l.words.length > 0 ? l.words.map((w) => w.text).join(' ') : l.text,
      );
      const joined = texts.join('\n');
      const spans = findTfnSpans(joined);
      if (spans.length === 0) return page;
      const masked = maskSpans(joined, spans).split('\n');
      const lines = page.lines.map((line, i): TextLine => {
        const text = masked[i] ?? '';
        if (text === texts[i]) return line;
        if (!line.words || line.words.length === 0) return { ...line, text };
        let pos = 0;
        const words = line.words.map((w) => {
          const t = text.slice(pos, pos + w.text.length);
          pos += w.text.length + 1;
          return { ...w, text: t };
        });
        return { ...line, text, words };
      });
      return { ...page, lines };
    }),
  };
}
