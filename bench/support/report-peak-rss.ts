/** Preloaded (`--import`) into a benchmarked child process: prints its peak RSS on stderr as it exits. */
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
