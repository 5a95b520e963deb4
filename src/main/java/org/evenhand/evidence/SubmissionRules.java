package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.evenhand.web.Words;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;

/** What every submission must carry: the attestation, consent to the current notice, a real link, a file in size. */
@ApplicationScoped
class SubmissionRules {

    @Inject
    EvidenceConfig config;

    void checkConsent(Boolean attested, EvidenceRecords.Consent consent) {
        if (!Boolean.TRUE.equals(attested)) {
            throw ProblemException.invalidField("attestPartyToExchange", "evidence can only come from someone who"
                    + " took part in the exchange or to whom it was addressed");
        }
        if (consent == null || !config.consentNoticeVersion().equals(consent.noticeVersion())) {
            throw ProblemException.invalidField("consent.noticeVersion", "consent must be given to the current notice, "
                    + config.consentNoticeVersion() + " (GET /api/evidence/consent-notice)");
        }
        if (!EvidenceService.PURPOSE.equals(consent.purpose())) {
            throw ProblemException.invalidField("consent.purpose", "the only purpose is " + EvidenceService.PURPOSE);
        }
    }

    String checkedLink(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalidField("url", "give the link to the post");
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw ProblemException.invalidField("url", "must be an http(s) link");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "is not a valid link");
        }
    }

    void checkFileSize(long length) {
        if (length == 0) {
            throw ProblemException.invalidField(FileRefusal.FIELD, Words.current(EvidenceWords.class).fileEmpty());
        }
        if (length > config.maxFileBytes()) {
            long maxMb = config.maxFileBytes() / (1024 * 1024);
            throw new ProblemException(413, "file-too-large", "File too large", "files may be at most "
                    + maxMb + " MB; this one is " + length + " bytes", List.of(new Problem.FieldError(
                            FileRefusal.FIELD, Words.current(EvidenceWords.class).fileTooLarge(org.evenhand.casework.CaseDisplay.size(length), maxMb))));
        }
    }
}
