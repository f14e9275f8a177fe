/**
 * Import by drop or file picker: files dropped anywhere on the panel, or picked with the toolbar's
 * import button (it opens this component's file input), are read in the decode worker and become
 * imported streams, judged like captured ones. What could not be imported is listed, naming the
 * file and where in it.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { useStore } from '../state/store.js';
import { importSizeProblem } from '../view-model/imports.js';

/** The file input the toolbar's import button opens. */
export const importInputId = 'import-file';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function Importer() {
  const { streams, selection, decoding } = useStore();
  const [problems, setProblems] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);

  async function importFiles(files: readonly File[]): Promise<void> {
    const found: string[] = [];
    let first: string | null = null;
    for (const file of files) {
      const tooLarge = importSizeProblem(file.name, file.size);
      if (tooLarge) {
        found.push(tooLarge);
        continue;
      }
      try {
        // read in the decode worker: parsing a large HAR or playing a long scenario never holds up the panel
        const result = await decoding.readFile(file.name, new Uint8Array(await file.arrayBuffer()), Date.now());
        if (!result.ok) {
          found.push(result.problem);
          continue;
        }
        const [added] = streams.addImported(result.streams);
        first ??= added?.id ?? null;
      } catch (error) {
        // a file that cannot be read (a folder dropped, a file removed meanwhile)
        found.push(`${file.name}: could not be read (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    setProblems(found);
    if (first) selection.selectStream(first);
  }

  // Attached as the panel renders (an effect may wait for a paint a hidden DevTools panel never makes).
  useLayoutEffect(() => {
    function onDragOver(event: DragEvent): void {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    }
    function onDragLeave(event: DragEvent): void {
      if (event.relatedTarget === null) setDragging(false);
    }
    function onDrop(event: DragEvent): void {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      void importFiles([...(event.dataTransfer?.files ?? [])]);
    }
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('drop', onDrop);
    };
  }, [streams]);

  return (
    <>
      <input
        type="file"
        id={importInputId}
        multiple
        hidden
        accept=".sse,.har,.json,text/event-stream,application/json"
        data-testid="import-input"
        onChange={(event) => {
          const input = event.currentTarget;
          void importFiles([...(input.files ?? [])]).then(() => (input.value = ''));
        }}
      />
      {dragging && (
        <div class="drop-hint" data-testid="drop-hint">
          Drop .sse, HAR, decode report or scenario files to import them (kept while this panel is open)
        </div>
      )}
      {problems.length > 0 && (
        <div class="banner import-problems" role="alert" data-testid="import-problems">
          <button type="button" class="link-button" aria-label="Dismiss" onClick={() => setProblems([])}>
            ✕
          </button>
          {problems.map((problem) => (
            <div key={problem} data-testid="import-problem">
              Not imported: {problem}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
