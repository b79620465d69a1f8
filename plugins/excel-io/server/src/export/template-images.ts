import type ExcelJS from 'exceljs';

const EMU_PER_PIXEL = 9525;
const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const PICTURE_EXTENSIONS = ['png', 'jpeg', 'gif'] as const;

/** A cell corner of a picture: 0-based column and row, offsets into them in EMU. */
export interface CellCorner {
  col: number;
  colOff: number;
  row: number;
  rowOff: number;
}

/** A picture of a template's title area (a logo), anchored as the template placed it. */
export interface TemplateImage {
  extension: (typeof PICTURE_EXTENSIONS)[number];
  data: Buffer;
  from: CellCorner;
  /** The cell corner the picture stretches to, or its size in EMU when it hangs from one cell. */
  to: CellCorner | { cx: number; cy: number };
}

interface ReadAnchor {
  nativeCol: number;
  nativeColOff: number;
  nativeRow: number;
  nativeRowOff: number;
}

const corner = (a: ReadAnchor): CellCorner => ({ col: a.nativeCol, colOff: a.nativeColOff, row: a.nativeRow, rowOff: a.nativeRowOff });

/** The pictures of `sheet` that start above `firstDataRow` (1-based), with their bytes. */
export function templateImages(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, firstDataRow: number): TemplateImage[] {
  const images: TemplateImage[] = [];
  for (const image of sheet.getImages()) {
    const range = image.range as unknown as { tl: ReadAnchor; br?: ReadAnchor; ext?: { width: number; height: number } };
    if (range.tl.nativeRow + 1 >= firstDataRow) continue;
    const medium = workbook.getImage(Number(image.imageId)) as { extension?: string; buffer?: Buffer };
    const extension = PICTURE_EXTENSIONS.find((e) => e === medium.extension);
    if (!extension || !medium.buffer) continue;
    const to = range.br ? corner(range.br) : { cx: Math.round((range.ext?.width ?? 0) * EMU_PER_PIXEL), cy: Math.round((range.ext?.height ?? 0) * EMU_PER_PIXEL) };
    images.push({ extension, data: Buffer.from(medium.buffer), from: corner(range.tl), to });
  }
  return images;
}

const cornerXml = (tag: string, c: CellCorner) =>
  `<xdr:${tag}><xdr:col>${c.col}</xdr:col><xdr:colOff>${c.colOff}</xdr:colOff><xdr:row>${c.row}</xdr:row><xdr:rowOff>${c.rowOff}</xdr:rowOff></xdr:${tag}>`;

function anchorXml(image: TemplateImage, index: number): string {
  const picture =
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${index + 2}" name="Picture ${index + 1}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip r:embed="rId${index + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/>`;
  const { to } = image;
  return 'cx' in to
    ? `<xdr:oneCellAnchor>${cornerXml('from', image.from)}<xdr:ext cx="${to.cx}" cy="${to.cy}"/>${picture}</xdr:oneCellAnchor>`
    : `<xdr:twoCellAnchor editAs="oneCell">${cornerXml('from', image.from)}${cornerXml('to', to)}${picture}</xdr:twoCellAnchor>`;
}

const drawingXml = (images: TemplateImage[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  `${images.map(anchorXml).join('')}</xdr:wsDr>`;

const drawingRelsXml = (mediaNames: string[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `${mediaNames.map((name, i) => `<Relationship Id="rId${i + 1}" Type="${IMAGE_REL}" Target="../media/${name}"/>`).join('')}</Relationships>`;

/** The parts of exceljs' streaming writers this reaches into: it has no pictures on streamed sheets. */
interface StreamingWorkbook {
  zip: { append(data: string, options: { name: string }): void };
  addImage(image: { buffer: Buffer; extension: string }): number;
  getImage(id: number): { name: string };
  addContentTypes(): Promise<void>;
}
interface StreamingSheet {
  stream: { write(xml: string): void };
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeRowBreaks(): void;
}

/**
 * Puts `images` on a sheet of exceljs' streaming WorkbookWriter, which cannot place pictures
 * itself: the media go through the workbook (`addImage`), the drawing part and its
 * relationships are written here, and the sheet's `<drawing>` element is written where the
 * schema wants it (after the row breaks, which follow the header and footer). Call before the
 * sheet is committed.
 */
export function placeImages(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet, images: TemplateImage[]) {
  if (!images.length) return;
  const book = workbook as unknown as StreamingWorkbook;
  const target = sheet as unknown as StreamingSheet;
  const mediaNames = images.map((image) => book.getImage(book.addImage({ buffer: image.data, extension: image.extension })).name);
  book.zip.append(drawingXml(images), { name: 'xl/drawings/drawing1.xml' });
  book.zip.append(drawingRelsXml(mediaNames), { name: 'xl/drawings/_rels/drawing1.xml.rels' });

  const writeRowBreaks = target._writeRowBreaks.bind(target);
  target._writeRowBreaks = () => {
    writeRowBreaks();
    const rId = target._sheetRelsWriter.addRelationship({ Type: DRAWING_REL, Target: '../drawings/drawing1.xml' });
    target.stream.write(`<drawing r:id="${rId}"/>`);
  };

  // the content types exceljs writes know media but not drawings: add the drawing's override
  const zip = book.zip;
  const addContentTypes = book.addContentTypes.bind(book);
  book.addContentTypes = async () => {
    const append = zip.append;
    zip.append = (data, options) => {
      const withDrawing = options.name === '[Content_Types].xml' ? data.replace('</Types>', `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${DRAWING_TYPE}"/></Types>`) : data;
      append.call(zip, withDrawing, options);
    };
    try {
      await addContentTypes();
    } finally {
      zip.append = append;
    }
  };
}
