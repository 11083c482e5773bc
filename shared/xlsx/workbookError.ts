/** A workbook (.xlsx) that cannot be read, in words for the user: what is wrong and what to do. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}
