import { encodePng } from './png-encoder.js';
import { createSeededRandom } from './seeded-random.js';

/** Deterministic pictures: a two-colour sky gradient with a "sun" disk, all placed by the seed. */
export interface ImageSynthesizer {
  /** Base64 PNG of exactly `width` × `height` pixels; the same arguments give the same bytes. */
  pngBase64(seed: string, width: number, height: number): string;
}

/**
 * Deflating a 1024² image costs tens of milliseconds, so results are kept in a small LRU cache:
 * tests and benchmarks repeat the same prompts.
 */
export function createImageSynthesizer(cacheSize = 32): ImageSynthesizer {
  const cache = new Map<string, string>();
  return {
    pngBase64(seed, width, height) {
      const key = `${width}x${height}:${seed}`;
      const cached = cache.get(key);
      if (cached !== undefined) {
        cache.delete(key);
        cache.set(key, cached);
        return cached;
      }
      const png = encodePng(width, height, paint(seed, width, height)).toString('base64');
      cache.set(key, png);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
      return png;
    },
  };
}

function paint(seed: string, width: number, height: number): Uint8Array {
  const random = createSeededRandom(`image:${seed}`);
  const colour = (): [number, number, number] => [random.int(0, 255), random.int(0, 255), random.int(0, 255)];
  const [top, bottom, sun] = [colour(), colour(), colour()];
  const centreX = random.next() * width;
  const centreY = random.next() * height;
  const radius = (0.08 + random.next() * 0.2) * Math.min(width, height);
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = height === 1 ? 0 : y / (height - 1);
    const sky = [0, 1, 2].map((channel) =>
      Math.round((top[channel] ?? 0) * (1 - t) + (bottom[channel] ?? 0) * t),
    );
    const dy = y - centreY;
    for (let x = 0; x < width; x++) {
      const dx = x - centreX;
      const inSun = dx * dx + dy * dy <= radius * radius;
      const offset = (y * width + x) * 3;
      pixels[offset] = inSun ? sun[0] : (sky[0] ?? 0);
      pixels[offset + 1] = inSun ? sun[1] : (sky[1] ?? 0);
      pixels[offset + 2] = inSun ? sun[2] : (sky[2] ?? 0);
    }
  }
  return pixels;
}
