import { fixture, postImages, startTestService, type TestService } from './helpers/test-service';

/** The six RapidOCR test cases copied to fixtures/peer (its README says where from), through the HTTP API. */
describe('peer OCR test cases through POST /v1/ocr', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  const first = async (name: string, query = '') => {
    const res = await postImages(svc.baseUrl, [fixture(`peer/${name}`)], query);
    expect(res.status).toBe(200);
    expect(res.body.results[0].error).toBeUndefined();
    return res.body.results[0];
  };

  it('ch_en_num.jpg: 18 lines, the first is 正品促销', async () => {
    const r = await first('ch_en_num.jpg');
    expect(r.lines).toHaveLength(18);
    expect(r.lines[0].text).toBe('正品促销');
  });

  it('img_exif_orientation.jpg: EXIF orientation applied, first line 我是中国人', async () => {
    const r = await first('img_exif_orientation.jpg');
    expect(r.lines[0].text).toBe('我是中国人');
    // The stored pixels are sideways; the result reports the upright size.
    expect(r.width).toBeGreaterThan(r.height);
  });

  it('black_font_color_transparent.png: dark text on transparency, first line 我是中国人', async () => {
    const r = await first('black_font_color_transparent.png');
    expect(r.lines[0].text).toBe('我是中国人');
  });

  it('white_font_color_transparent.png: light text on transparency, first line 我是中国人', async () => {
    const r = await first('white_font_color_transparent.png');
    expect(r.lines[0].text).toBe('我是中国人');
  });

  it('text_cls.jpg: the classifier says 180 and the text is 怪我咯', async () => {
    const r = await first('text_cls.jpg', '?cls=true');
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0].angle).toBe(180);
    expect(r.lines[0].text).toBe('怪我咯');
  });

  it('text_rec.jpg: the text is 韩国小馆', async () => {
    const r = await first('text_rec.jpg');
    expect(r.lines.map((l: any) => l.text).join('')).toBe('韩国小馆');
  });

  it('all six in one batch with cls=true', async () => {
    const names = [
      'ch_en_num.jpg',
      'img_exif_orientation.jpg',
      'black_font_color_transparent.png',
      'white_font_color_transparent.png',
      'text_cls.jpg',
      'text_rec.jpg',
    ];
    const res = await postImages(svc.baseUrl, names.map((n) => fixture(`peer/${n}`)), '?cls=true');
    const firsts = res.body.results.map((r: any) => r.lines[0]?.text);
    expect(firsts).toEqual(['正品促销', '我是中国人', '我是中国人', '我是中国人', '怪我咯', '韩国小馆']);
    expect(res.body.results[0].lines).toHaveLength(18);
  });
});
