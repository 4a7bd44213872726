import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WsInputField, WsSelectField, WsTextAreaField } from './ws-field';

// A refused staff-form field must be announced, not only shown (WCAG 2.2 3.3.1): marked invalid and
// described by its message, together with any hint the caller gave.

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('staff form fields', () => {
  it('mark a refused input invalid and describe it by its message and its own hint', () => {
    const markup = html(
      createElement(WsInputField, {
        id: 'point-depth',
        name: 'depthMm',
        label: 'Depth (mm)',
        'aria-describedby': 'depth-hint',
        error: 'Give the depth in millimetres.',
      }),
    );
    expect(markup).toContain('aria-invalid="true"');
    expect(markup).toContain('aria-describedby="depth-hint point-depth-error"');
    expect(markup).toContain(
      '<p class="field__error" id="point-depth-error">Give the depth in millimetres.</p>',
    );
  });

  it('leave an accepted field alone', () => {
    const markup = html(
      createElement(WsSelectField, {
        id: 'point-side',
        name: 'side',
        label: 'Side',
        options: [{ value: 'left', label: 'Left' }],
      }),
    );
    expect(markup).not.toContain('aria-invalid');
    expect(markup).not.toContain('aria-describedby');
    expect(markup).not.toContain('field__error');
  });

  it('mark a refused drop-down invalid too', () => {
    const markup = html(
      createElement(WsSelectField, {
        id: 'point-side',
        name: 'side',
        label: 'Side',
        options: [{ value: 'left', label: 'Left' }],
        error: 'Choose a side.',
      }),
    );
    expect(markup).toMatch(/<select[^>]*aria-invalid="true"[^>]*aria-describedby="point-side-error"/);
  });

  it('keep a disabled "Choose…" placeholder selected until something is chosen', () => {
    const markup = html(
      createElement(WsSelectField, {
        id: 'ae-kind',
        name: 'kind',
        label: 'What happened',
        required: true,
        defaultValue: '',
        options: [
          { value: '', label: 'Choose…', disabled: true },
          { value: 'nausea', label: 'Nausea' },
        ],
      }),
    );
    expect(markup).toContain('<option value="" disabled="" selected="">Choose…</option>');
    expect(markup).toContain('<option value="nausea">Nausea</option>');
  });

  it('mark a refused text box invalid too, and leave an accepted one alone', () => {
    const props = { id: 'ae-description', name: 'description', label: 'Description', rows: 2 };
    expect(html(createElement(WsTextAreaField, { ...props, error: 'Too long.' }))).toMatch(
      /<textarea[^>]*aria-invalid="true"[^>]*aria-describedby="ae-description-error"/,
    );
    expect(html(createElement(WsTextAreaField, { ...props, wide: true }))).toBe(
      '<div class="ws-field ws-field--wide"><label for="ae-description">Description</label>' +
        '<textarea id="ae-description" name="description" rows="2"></textarea></div>',
    );
  });
});
