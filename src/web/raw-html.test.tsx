import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { escapeHtml, tableHtml } from './raw-html.js';

describe('HTML built as a string', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    expect(escapeHtml('Señalización — 20 %')).toBe('Señalización — 20 %');
    expect(escapeHtml(42)).toBe('42');
    // The global expression's lastIndex must not leak from one call to the next.
    expect([escapeHtml('a<b'), escapeHtml('c<d'), escapeHtml('e')]).toEqual(['a&lt;b', 'c&lt;d', 'e']);
  });

  it('renders the same table markup as Preact does', () => {
    const html = tableHtml({
      caption: 'Actividades <del hito & más',
      headers: [{ text: '#', isNumeric: true }, { text: 'Actividad' }],
      rows: [['1', escapeHtml('Reunión & taller')]],
    });
    const preact = render(
      <table class="table">
        <caption>Actividades {'<del hito & más'}</caption>
        <thead>
          <tr>
            <th scope="col" class="numeric">
              #
            </th>
            <th scope="col">Actividad</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td class="numeric">1</td>
            <td>Reunión &amp; taller</td>
          </tr>
        </tbody>
      </table>,
    );
    expect(html).toBe(preact);
  });
});
