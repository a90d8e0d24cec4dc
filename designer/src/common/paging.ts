/** How many pages `total` items take at `size` a page; nothing at all is still one (empty) page. */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The index of the first item on `page` (pages count from 1). */
export const pageStart = (page: number, size: number) => (page - 1) * size;
