import { benchScoring } from "@/bench/scoring";
import { printScoring } from "@/bench/report";
benchScoring(process.argv[2], 1).then((r) => { printScoring(10, r); console.log("maxRSS MiB", Math.round(process.resourceUsage().maxRSS / 1024)); });
