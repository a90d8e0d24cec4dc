/** A column of a printed table: its heading, its width in points, and how a line reads in it. */
export interface TableColumn<Line> {
  title: string;
  width: number;
  align?: 'left' | 'right';
  value: (line: Line, index: number) => string;
}

/** One row of a printed table from `left`, each cell cut to its column (an ellipsis, never a second line). */
export function tableRow<Line>(doc: PDFKit.PDFDocument, columns: readonly TableColumn<Line>[], left: number, y: number, cells: string[], bold = false): void {
  doc.font(bold ? 'bold' : 'regular').fontSize(9);
  let x = left;
  columns.forEach((column, i) => {
    doc.text(cells[i] ?? '', x, y, { width: column.width - 6, align: column.align ?? 'left', lineBreak: false, ellipsis: true });
    x += column.width;
  });
}
