// Runs before `npm run dist`: installers check this feed for updates and install what it serves, so it must
// be https (an http feed lets anyone on the network hand the app an update).
const feed = process.env.UPDATE_FEED_URL ?? '';
let url = null;
try {
  url = new URL(feed);
} catch {
  url = null;
}
if (!url || url.protocol !== 'https:') {
  console.error(
    `UPDATE_FEED_URL must be an https:// URL (got ${feed ? JSON.stringify(feed) : 'nothing'}); ` +
      'installed apps download and run what this feed serves.',
  );
  process.exit(1);
}
console.log(`Update feed: ${url.href}`);
