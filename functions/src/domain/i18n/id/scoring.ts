/**
 * Bahasa Indonesia, the scoring's words (issue 9): the pansel's scores, conflicts of interest, the assessment
 * import and the PPK's choice. Loaded with the scoring screens only, so the other staff routes stay light.
 */
export const idScoring = {
  "err.score.unknownComponent": "Komponen penilaian {component} tidak ada dalam rencana penilaian seleksi ini.",
  "err.score.imported": "Nilai {component} diimpor dari laporan asesmen, tidak diisi oleh anggota pansel.",
  "err.score.rubricOnly": "{component} dinilai per indikator rubrik, bukan dengan satu angka.",
  "err.score.notRubric": "{component} tidak memakai rubrik; isi satu nilai angka.",
  "err.score.unknownIndicator": "Indikator {indicator} tidak ada dalam rubrik komponen ini.",
  "err.score.notALevel": "Nilai {value} bukan salah satu tingkat rubrik ({choices}).",
  "err.score.incomplete": "Penilaian belum lengkap: {missing}. Lengkapi sebelum mengirim.",
  "err.score.outsideScale": "Nilai {value} di luar skala {min}–{max}.",
  "err.score.decimals": "Nilai {value} paling banyak dua angka di belakang koma.",
  "err.score.noteLong": "Catatan terlalu panjang (paling banyak 2.000 karakter).",
  "err.conflict.notCandidate": "Pelamar ini tidak termasuk peserta jabatan yang Anda nilai.",
  "err.conflict.duplicate": "Pernyataan untuk pelamar yang sama diisi dua kali.",
  "err.conflict.noteRequired": "Jelaskan konflik kepentingan lainnya (paling sedikit {min} karakter).",
  "err.conflict.noteLong": "Keterangan terlalu panjang (paling banyak 1.000 karakter).",
  "err.conflict.incomplete":
    "Nyatakan ada atau tidaknya konflik kepentingan untuk setiap peserta; {count} belum diisi.",
  "err.import.notImported": "Komponen ini dinilai pansel, bukan diimpor dari laporan asesmen.",
  "err.import.empty": "Berkas kosong.",
  "err.import.header": "Baris pertama harus memuat judul kolom NIP dan Nilai.",
  "err.import.quote": "Tanda petik pada baris ini tidak ditutup.",
  "err.import.nip": "NIP {value} tidak valid.",
  "err.import.notApplicant": "NIP {nip} bukan peserta yang memenuhi syarat pada jabatan ini.",
  "err.import.notNumber": 'Nilai "{value}" bukan angka.',
  "err.import.outsideMax": "Nilai {value} di luar rentang 0–{max}.",
  "err.import.decimals": "Nilai {value} paling banyak dua angka di belakang koma.",
  "err.import.date": 'Tanggal "{value}" tidak valid (tulis 2019-08-14 atau 14/08/2019).',
  "err.import.duplicate": "NIP {nip} muncul lebih dari sekali (juga baris {lines}); tidak ada yang diambil.",
  "err.ppk.notFinalist": "Pilihan harus salah satu dari tiga besar jabatan ini.",
  "err.ppk.reasonRequired": "Memilih peringkat {rank} memerlukan alasan tertulis (paling sedikit {min} karakter).",
  "err.ppk.reasonLong": "Alasan terlalu panjang (paling banyak 2.000 karakter).",
} as const;
