// `tsx seed/cli.ts`: seeds the demo into the running emulators (started by npm start).
process.env.GCLOUD_PROJECT ??= "demo-seleksi";
const { seedRefusal } = await import("./guard.js");
const refusal = seedRefusal(process.env);
if (refusal) {
  console.error(`[seed] ${refusal}`);
  process.exit(2);
}
const { seedDemo, demoAccounts } = await import("./seed.js");
const demo = await seedDemo();
const metro = demo.selections["metro-2021-jpt"]!;
const pontianak = demo.selections["pontianak-2024-jpt"]!;
console.log(
  `[seed] demo data written: Kota Metro 2021 (${demo.applications.length} applications, administrative result announced, ` +
    `${metro.counts.openObjections} objection open), Kota Pontianak (registration open until ` +
    `${pontianak.schedule.pendaftaran?.end ?? "?"}), Kota Serang 2026 (draft)`,
);
console.log("\n  Demo accounts (all with the same password):");
for (const a of demoAccounts()) console.log(`    ${a.role.padEnd(38)} ${a.email.padEnd(28)} ${a.password}`);
