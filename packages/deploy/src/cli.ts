// `pnpm --filter @market/deploy render --env <env> --tag <tag> [--out <dir>]`: the manifests of one release.
// `pnpm --filter @market/deploy check:images`: after `pnpm build`, checks the Dockerfiles and
// that everything their final stages copy was built; exits 1 naming each problem.
import { buildOutputProblems, dockerfileProblems, dockerignoreProblems, images } from "./images.ts";

const command = process.argv[2];
if (command === "check-images") {
  const problems = [...dockerignoreProblems(), ...images.flatMap((i) => [...dockerfileProblems(i), ...buildOutputProblems(i)])];
  for (const p of problems) console.error(`- ${p}`);
  console.log(problems.length === 0 ? `Images: ${images.length} Dockerfiles keep the rules and the build has everything they copy.` : `Images: ${problems.length} problem(s).`);
  process.exit(problems.length === 0 ? 0 : 1);
} else if (command === "render") {
  const { parseRenderArgs, writeRelease } = await import("./render.ts");
  try {
    const { out, ...release } = parseRenderArgs(process.argv.slice(3).filter((a) => a !== "--"));
    for (const file of writeRelease(release, out)) console.log(`wrote ${file}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
} else {
  console.error("Usage: tsx src/cli.ts render | check-images");
  process.exit(2);
}
