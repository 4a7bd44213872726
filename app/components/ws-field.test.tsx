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

  it('put a hint under the label and describe the control by it, as the note sections always were', () => {
    const props = {
      id: 'note-plan',
      name: 'plan',
      label: 'Plan',
      hint: 'Treatment today and next steps.',
      rows: 3,
      defaultValue: 'Weekly.',
    };
    expect(html(createElement(WsTextAreaField, props))).toBe(
      '<div class="ws-field"><label for="note-plan">Plan</label>' +
        '<p class="ws-hint" id="note-plan-hint">Treatment today and next steps.</p>' +
        '<textarea id="note-plan" name="plan" rows="3" aria-describedby="note-plan-hint">Weekly.</textarea></div>',
    );
    const refused = html(createElement(WsTextAreaField, { ...props, error: 'At most 20000 characters.' }));
    expect(refused).toContain('aria-invalid="true" aria-describedby="note-plan-hint note-plan-error"');
    expect(refused).toMatch(
      /<\/textarea><p class="field__error" id="note-plan-error">At most 20000 characters.<\/p><\/div>$/,
    );
  });

  it('keep a short number narrow, as the pain score always was', () => {
    expect(
      html(
        createElement(WsInputField, {
          id: 'note-pain',
          name: 'painScore',
          label: 'Pain today (0–10)',
          narrow: true,
          type: 'number',
          min: 0,
          max: 10,
          step: 1,
          defaultValue: '4',
        }),
      ),
    ).toBe(
      '<div class="ws-field ws-field--narrow"><label for="note-pain">Pain today (0–10)</label>' +
        '<input id="note-pain" type="number" min="0" max="10" step="1" name="painScore" value="4"/></div>',
    );
  });
});
