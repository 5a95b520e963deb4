package org.evenhand.evidence;

/**
 * Reads only the orientation tag (0x0112) from a JPEG's EXIF block, so that the re-encoded image,
 * which keeps no EXIF, is stored the right way up. Anything unexpected reads as 1 (as stored).
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        try {
            int i = 2; // after SOI
            while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
                int marker = jpeg[i + 1] & 0xff;
                int length = u16(jpeg, i + 2, true);
                if (marker == 0xda || marker == 0xd9 || length < 2) {
                    return 1; // image data begins: no EXIF before it
                }
                if (marker == 0xe1 && length >= 8 && startsWith(jpeg, i + 4, "Exif\0\0")) {
                    return fromTiff(jpeg, i + 10, i + 2 + length);
                }
                i += 2 + length;
            }
        } catch (RuntimeException e) {
            return 1;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean bigEndian = b[tiff] == 'M' && b[tiff + 1] == 'M';
        if (!bigEndian && !(b[tiff] == 'I' && b[tiff + 1] == 'I')) {
            return 1;
        }
        int ifd = tiff + (int) u32(b, tiff + 4, bigEndian);
        int entries = u16(b, ifd, bigEndian);
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + 12 * e;
            if (at + 12 > end) {
                return 1;
            }
            if (u16(b, at, bigEndian) == 0x0112) {
                int value = u16(b, at + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (at + k >= b.length || b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int hi = b[bigEndian ? at : at + 1] & 0xff;
        int lo = b[bigEndian ? at + 1 : at] & 0xff;
        return hi << 8 | lo;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long hi = u16(b, bigEndian ? at : at + 2, bigEndian);
        long lo = u16(b, bigEndian ? at + 2 : at, bigEndian);
        return hi << 16 | lo;
    }
}
