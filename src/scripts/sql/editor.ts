/**
 * The SQL editor: CodeMirror 6 with SQL highlighting and completion of table
 * and column names, replacing the server-rendered <textarea> (which stays the
 * editor when scripts do not run). Ctrl/Cmd+Enter runs the query; Tab is left
 * to keyboard navigation. (The `codemirror` npm package installed here is
 * CodeMirror 5, so the CM6 setup is assembled from its parts.)
 */
import { EditorView, Decoration, type DecorationSet, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars, placeholder } from '@codemirror/view';
import { EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { sql, PostgreSQL } from '@codemirror/lang-sql';

export interface Editor {
  getValue(): string;
  setValue(text: string): void;
  insert(text: string): void;
  focus(): void;
  /** Marks `from`…`to` (and its line) as where the error is, with `title` on hover; scrolls it into view. */
  markError(from: number, to: number, title: string): void;
  clearError(): void;
  /** Puts the cursor at `pos` and focuses the editor. */
  goTo(pos: number): void;
}

/** The error mark: set by markError, cleared on the next edit or run. */
const setError = StateEffect.define<{ from: number; to: number; title: string } | null>();
const errorMark = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (!e.is(setError)) continue;
      if (!e.value) return Decoration.none;
      const { from, to, title } = e.value;
      const line = tr.state.doc.lineAt(from);
      return Decoration.set([
        Decoration.line({ class: 'cm-sql-error-line' }).range(line.from),
        Decoration.mark({ class: 'cm-sql-error', attributes: { title, 'data-error': 'true' } }).range(from, Math.max(to, from + 1)),
      ], true);
    }
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function createEditor(textarea: HTMLTextAreaElement, schema: Record<string, string[]>, onRun: () => void, onChange: () => void): Editor {
  const labelId = textarea.getAttribute('aria-labelledby') || 'sql-label';
  const describedBy = textarea.getAttribute('aria-describedby') || '';
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', preventDefault: true, run: () => { onRun(); return true; } }])),
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), drawSelection(),
        indentOnInput(), bracketMatching(), closeBrackets(), autocompletion(), highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true }),
        placeholder('SELECT …'),
        EditorView.lineWrapping,
        errorMark,
        EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-describedby': describedBy }),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(); }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.after(view.dom);
  view.dom.classList.add('sql-cm');
  // The label now names the CodeMirror content element; clicking it focuses the editor.
  document.getElementById(labelId)?.addEventListener('click', (e) => { e.preventDefault(); view.focus(); });
  return {
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    insert: (text) => {
      const { from, to } = view.state.selection.main;
      view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, scrollIntoView: true });
      view.focus();
    },
    focus: () => view.focus(),
    markError: (from, to, title) => {
      const len = view.state.doc.length;
      from = Math.max(0, Math.min(from, len));
      to = Math.max(from, Math.min(to, len));
      if (from === len && len > 0) from = len - 1;
      view.dispatch({ effects: [setError.of({ from, to, title }), EditorView.scrollIntoView(from, { y: 'center' })] });
    },
    clearError: () => view.dispatch({ effects: setError.of(null) }),
    goTo: (pos) => {
      view.dispatch({ selection: { anchor: Math.min(pos, view.state.doc.length) }, scrollIntoView: true });
      view.focus();
    },
  };
}
