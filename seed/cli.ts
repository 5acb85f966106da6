// `tsx seed/cli.ts`: seeds the demo into the running emulators (started by npm start).
process.env.GCLOUD_PROJECT ??= "demo-seleksi";
const { seedRefusal } = await import("./guard.js");
const refusal = seedRefusal(process.env);
if (refusal) {
  console.error(`[seed] ${refusal}`);
  process.exit(2);
}
const { seedDemo, demoAccounts } = await import("./seed.js");
await seedDemo();
console.log("[seed] demo data written: Kota Metro 2021 (5 posts, pansel of 5, 12 candidates), Kota Pontianak 2024");
console.log("\n  Demo accounts (all with the same password):");
for (const a of demoAccounts()) console.log(`    ${a.role.padEnd(30)} ${a.email.padEnd(28)} ${a.password}`);
