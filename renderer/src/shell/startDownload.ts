// Browser mode saves through the browser: the host serves the file once and a link click
// downloads it under its name.
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
