package org.evenhand.evidence;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.evenhand.common.ProblemException;

/**
 * An image is kept only as we re-encode it: decoded in full (a file that does not decode, or
 * decodes only with warnings such as a truncated JPEG, is refused) and written afresh in the same
 * format with no metadata, so EXIF (GPS position, camera, time), comments and anything appended
 * after the image are gone. The EXIF orientation is applied to the pixels first, so a photo stays
 * upright. The size is read from the header before decoding, so a small file announcing a huge
 * image (a decompression bomb) is refused without allocating it.
 */
final class ImageCheck {

    /** At most this many pixels (a 48-megapixel photo fits; a screenshot is far smaller). */
    static final long MAX_PIXELS = 50_000_000L;
    static final float JPEG_QUALITY = 0.92f;
    /**
     * Images decoded at once: a 50-megapixel image needs about 200 MB while it is re-encoded, so a
     * burst of large uploads waits its turn rather than exhausting the heap.
     */
    static final Semaphore DECODING = new Semaphore(2, true);
    static final long WAIT_SECONDS = 60;

    static {
        ImageIO.setUseCache(false); // no temporary files with evidence in them
    }

    private ImageCheck() {
    }

    /** The re-encoded image; {@code format} is "png" or "jpeg". */
    static byte[] reencode(byte[] bytes, String format) {
        String what = format.equals("png") ? "PNG image" : "JPEG image";
        try {
            if (!DECODING.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return decodeAndEncode(bytes, format, what);
        } finally {
            DECODING.release();
        }
    }

    private static byte[] decodeAndEncode(byte[] bytes, String format, String what) {
        BufferedImage image;
        try {
            image = decode(bytes, format, what);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw FileRefusal.unreadable(what);
        }
        if (format.equals("jpeg")) {
            image = upright(asRgb(image), ExifOrientation.of(bytes));
        }
        try {
            return encode(image, format);
        } catch (IOException | RuntimeException e) {
            throw FileRefusal.unreadable(what);
        }
    }

    private static ProblemException busy() {
        return new ProblemException(503, "busy", "Busy", "many images are being checked just now; nothing was stored."
                + " Send the file again in a minute", java.util.List.of());
    }

    private static BufferedImage decode(byte[] bytes, String format, String what) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no " + format + " reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw FileRefusal.unreadable(what);
            }
            if (width * height > MAX_PIXELS) {
                throw FileRefusal.imageTooLarge(width, height, MAX_PIXELS);
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty() || image == null) {
                throw FileRefusal.unreadable(what);
            }
            return image;
        } finally {
            reader.dispose();
        }
    }

    /** JPEG has no alpha; anything but plain RGB or grey is drawn onto an RGB canvas. */
    private static BufferedImage asRgb(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** Applies an EXIF orientation (1 to 8) to the pixels, since the tag itself is not kept. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h); // 180°
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h); // flipped
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0); // 90° clockwise
            case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transverse
            default -> t.setTransform(0, -1, 1, 0, 0, w); // 8: 90° anticlockwise
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
