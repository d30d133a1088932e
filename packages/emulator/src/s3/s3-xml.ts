/** A tiny XML writer for S3's responses: elements of text or of further elements, in order. */
export type XmlNode = readonly [name: string, content: string | number | boolean | readonly XmlNode[]];

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function xmlDocument(root: string, children: readonly XmlNode[], namespaced = true): Buffer {
  const attributes = namespaced ? ` xmlns="${S3_NAMESPACE}"` : '';
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${attributes}>${children.map(render).join('')}</${root}>`,
  );
}

function render([name, content]: XmlNode): string {
  const inner = Array.isArray(content)
    ? (content as readonly XmlNode[]).map(render).join('')
    : escapeXml(String(content));
  return `<${name}>${inner}</${name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ENTITIES[character] ?? character);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

/** The `<Part>` list of a CompleteMultipartUpload body; undefined when the XML has none. */
export function readCompletedParts(xml: string): { partNumber: number; etag: string }[] | undefined {
  const parts: { partNumber: number; etag: string }[] = [];
  for (const match of xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const inner = match[1] ?? '';
    const partNumber = Number(/<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(inner)?.[1]);
    const etag = /<ETag>([\s\S]*?)<\/ETag>/.exec(inner)?.[1];
    if (!Number.isInteger(partNumber) || etag === undefined) return undefined;
    parts.push({ partNumber, etag: unescapeXml(etag.trim()) });
  }
  return parts.length === 0 ? undefined : parts;
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
