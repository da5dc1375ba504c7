/**
 * Which raster sizes each platform's icon needs. The generator writes them and
 * the packaging tests read the committed files back against the same table.
 */

/** Linux (AppImage, desktop entry) picks the closest of resources/icons/<n>x<n>.png. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** Windows shell, taskbar and the NSIS installer; 256 is the largest Explorer shows. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/**
 * macOS icon families as PNG chunks: the OSType names Apple assigns to each
 * point size and Retina variant (e.g. ic10 is 512 pt @2x = 1024 px).
 */
export const ICNS_CHUNKS = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 },
] as const;

/** The master raster electron-builder falls back to, and the window icon on Linux. */
export const MASTER_ICON_SIZE = 1024;

/** Below this size the full artwork turns to mush, so the simplified glyph is drawn instead. */
export const SMALL_ICON_MAX_SIZE = 32;
