import { describe, expect, it } from "vitest";
import { sharePreviewOf, withSharePreview } from "./sharePreview.js";

const SELECTION = {
  title: "Seleksi Terbuka JPT Pratama Kota Metro Tahun 2021",
  instansiName: "Pemerintah Kota Metro",
  posts: [
    {
      id: "bappeda",
      name: "Kepala Badan Perencanaan Pembangunan Daerah",
      opd: "Bappeda",
      level: "jptPratama" as const,
    },
    { id: "bpbd", name: "Kepala Pelaksana BPBD", opd: "BPBD", level: "jptPratama" as const },
  ],
  schedule: { pendaftaran: { start: "2021-09-20", end: "2021-10-04" } },
};

const APP_HTML = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Seleksi terbuka Jabatan Pimpinan Tinggi" />
    <meta property="og:title" content="Seleksi — generic" />
    <meta property="og:description" content="generic" />
    <title>Seleksi</title>
    <script type="module" src="/assets/index.js"></script>
  </head>
  <body><div id="app"></div></body>
</html>`;

describe("sharePreviewOf", () => {
  it("says who, how many posts and when registration runs, in Indonesian", () => {
    const preview = sharePreviewOf(
      SELECTION,
      "https://seleksi.example/seleksi/x",
      "https://seleksi.example/icon-512.png",
    );
    expect(preview.title).toBe(SELECTION.title);
    expect(preview.description).toBe(
      "Pemerintah Kota Metro · 2 jabatan lowong · Pendaftaran 20 September 2021 – 4 Oktober 2021. " +
        "Kepala Badan Perencanaan Pembangunan Daerah; Kepala Pelaksana BPBD",
    );
  });

  it("keeps descriptions short enough for a chat bubble", () => {
    const many = {
      ...SELECTION,
      posts: Array.from({ length: 40 }, (_, i) => ({ ...SELECTION.posts[0]!, id: `p${i}` })),
    };
    expect(sharePreviewOf(many as never, "u", "i").description.length).toBeLessThanOrEqual(300);
  });
});

describe("withSharePreview", () => {
  const preview = {
    title: 'Seleksi "JPT" <Metro> & co',
    description: "d",
    url: "https://x/seleksi/a",
    image: "https://x/i.png",
  };
  const html = withSharePreview(APP_HTML, preview);

  it("replaces the app's generic title and tags instead of adding second ones", () => {
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/property="og:title"/g)).toHaveLength(1);
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).not.toContain("generic");
  });

  it("escapes what the operator typed, so a title cannot break out of an attribute", () => {
    expect(html).toContain('<meta property="og:title" content="Seleksi &quot;JPT&quot; &lt;Metro&gt; &amp; co" />');
    expect(html).toContain("<title>Seleksi &quot;JPT&quot; &lt;Metro&gt; &amp; co — Seleksi</title>");
  });

  it("keeps the app itself: its script and mount point", () => {
    expect(html).toContain('<script type="module" src="/assets/index.js"></script>');
    expect(html).toContain('<div id="app"></div>');
  });
});

describe("withSharePreview with replacement patterns in the text", () => {
  it("keeps `$'`, `$&` and `$1` as typed instead of pasting parts of the page", () => {
    const html = withSharePreview(APP_HTML, { title: "Seleksi $' $& $` $1", description: "d", url: "u", image: "i" });
    expect(html).toContain("<title>Seleksi $' $&amp; $` $1 — Seleksi</title>");
    expect(html.match(/<head>/g)).toHaveLength(1);
    expect(html.match(/<body>/g)).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
