// A text file handed in by the CLI: the pipeline itself never reads the file system.

export interface SourceText {
  readonly file: string;
  readonly text: string;
}
