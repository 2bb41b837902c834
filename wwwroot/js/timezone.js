// The viewer's time zone as an IANA id ("Europe/Berlin"), or null when the browser can't say.
// Imported once per circuit by Components/Time/ViewerClock.cs: the server renders every time a
// person reads, and needs the browser's zone to render it on the browser's clock.
export function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch (e) {
    return null;
  }
}
