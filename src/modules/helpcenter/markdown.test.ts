import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';

describe('article Markdown', () => {
  it('renders headings one level down, lists, links, bold, italic, code and notes', () => {
    const html = renderMarkdown('## Steps\n\n1. **Restart** the *TV*\n2. Open [Help](/help)\n\n- `NT-104`\n\n> Signing out deletes downloads.');
    expect(html).toContain('<h3>Steps</h3>');
    expect(html).toContain('<ol><li><strong>Restart</strong> the <em>TV</em></li><li>Open <a href="/help">Help</a></li></ol>');
    expect(html).toContain('<ul><li><code>NT-104</code></li></ul>');
    expect(html).toContain('<aside class="note"><p>Signing out deletes downloads.</p></aside>');
  });

  it('escapes HTML and drops links that are not http(s), site paths or mail', () => {
    const html = renderMarkdown('<script>alert(1)</script> [x](javascript:alert(1)) [y](https://reelhouse.example/a?b=1&c=2) `<b>`');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://reelhouse.example/a?b=1&amp;c=2">y</a>');
    expect(html).toContain('<code>&lt;b&gt;</code>');
  });

  it('gives plain text for search', () => {
    expect(markdownToText('## Title\n- **bold** [link](/x)')).toBe('Title\nbold link');
  });
});
