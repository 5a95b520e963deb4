package org.evenhand.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) the application sends its letters to during tests. */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static ServerSetup setup;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(setup);
        greenMail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Takes the SMTP server down, as an outage would. */
    public static void outage() {
        greenMail.stop();
    }

    /** Brings it back on the same port (letters received before the outage are gone). */
    public static void recover() {
        greenMail = new GreenMail(setup);
        greenMail.start();
    }

    public static GreenMail server() {
        return greenMail;
    }

    /** Letters received so far for this address whose subject mentions the text. */
    public static List<MimeMessage> lettersTo(String address, String subjectContains) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address))
                        && m.getSubject().contains(subjectContains);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
