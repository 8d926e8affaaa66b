/**
 * The SQL editor: CodeMirror 6 with SQL highlighting and completion of table
 * and column names, replacing the server-rendered <textarea> (which stays the
 * editor when scripts do not run). Ctrl/Cmd+Enter runs the query; Tab is left
 * to keyboard navigation. (The `codemirror` npm package installed here is
 * CodeMirror 5, so the CM6 setup is assembled from its parts.)
 */
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars, placeholder } from '@codemirror/view';
import { EditorState, Prec } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { sql, PostgreSQL } from '@codemirror/lang-sql';

export interface Editor {
  getValue(): string;
  setValue(text: string): void;
  insert(text: string): void;
  focus(): void;
}

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
  };
}
