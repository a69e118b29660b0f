// Finds a Chromium for the end-to-end tests, installing Debian's package when none is there.
// Order: $CHROMIUM_PATH, /usr/bin/chromium (and friends), Playwright's own download, then apt-get.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

async function playwrightOwn() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function canApt() {
  try {
    return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  } catch {
    return false;
  }
}

export async function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path)) ?? (await playwrightOwn());
  if (found) return found;
  if (install && canApt()) {
    console.log('No Chromium found: installing Debian\'s chromium package (apt-get)...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  findChromium().then((path) => console.log(path), (error) => {
    console.error(error.message);
    process.exit(1);
  });
}
