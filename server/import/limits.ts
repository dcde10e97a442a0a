/**
 * The bounds on what one import may make the server do (SPEC §6). Each is far above any real county
 * (阳城县: 3,487 staff, 47 schools) and far below what would hurt the server.
 */

/** 志愿1…志愿50: a header 志愿1000000000 would otherwise build a billion-slot array per row. */
export const MAX_CHOICE_COLUMNS = 50;
/** Characters in one cell (Excel allows 32,767; no field here needs more than a few dozen). */
export const MAX_CELL_CHARS = 1_000;
/** Data rows in one file; a county has a few thousand staff. */
export const MAX_ROWS = 100_000;
/** Header cells in one file. */
export const MAX_COLUMNS = 200;
/** Problems (and, separately, warnings) listed; the rest are counted. */
export const MAX_LISTED = 200;
/** rules.json is a few hundred bytes; 64 KiB leaves room for comments-as-keys mistakes, not 18 MB of junk. */
export const MAX_RULES_BYTES = 64 * 1024;
/**
 * What an .xlsx may unzip to. The fixture's 3,487 staff unzip to 2.7 MB, so 12 MiB holds about 15,000;
 * beyond it exceljs (which reads the whole workbook into memory, ~0.3 s per 3,500 rows) would break the
 * "answered within 2 s" bound, and a zip bomb is stopped here too.
 */
export const MAX_XLSX_UNZIPPED_BYTES = 12 * 1024 * 1024;
/** An .xls (not compressed): the fixture's staff would be about 1 MB; SheetJS parses the whole file at once. */
export const MAX_XLS_BYTES = 8 * 1024 * 1024;
