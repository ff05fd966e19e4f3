package io.rapport.delivery;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The fixed texts clients read: the form, its messages and the link e-mails. English here; Spanish and German in
 * {@code messages/form_<lang>.properties}. Qute checks at build time that every translated key is a method here,
 * and a key missing in a translation falls back to the English text.
 */
@MessageBundle(value = "form", locale = "en")
public interface FormMessages {

    @Message("Your feedback on your session")
    String title();

    @Message("Your therapist {therapist} would like to know how your session on {date} went. There are no right or wrong answers.")
    String intro(Object therapist, Object date);

    @Message("Your therapist would like to know how your session on {date} went. There are no right or wrong answers.")
    String introUnnamed(Object date);

    /** The therapist's own rating form (issue 16), opened from the link mailed to the therapist. */
    @Message("Your rating of the session")
    String therapistTitle();

    @Message("Your own rating of your session on {date}. You see the client's answers to this session once you have sent it.")
    String therapistIntro(Object date);

    @Message("Rate your session")
    String therapistSubject();

    @Message("Hello,\n\nplease rate your session before you see your client's answers. It takes under a minute:\n\n{url}\n\nThe link works until {expires}. It is personal: please do not forward it.")
    String therapistBody(Object url, Object expires);

    /** The candour line, when the organization shows it (issue 16): low ratings are as welcome as high ones. */
    @Message("Low ratings help your therapist as much as high ones. Please answer as you really feel, even if something did not go well.")
    String candour();

    @Message("{answered} of {total} questions answered")
    String progress(Object answered, Object total);

    @Message("Question")
    String question();

    @Message("Part {n} of {total}")
    String part(Object n, Object total);

    @Message("{minLabel} = {min}, {maxLabel} = {max}")
    String scaleHint(Object minLabel, Object min, Object maxLabel, Object max);

    @Message("Does not apply")
    String na();

    @Message("Your rating from {min} to {max}")
    String vasNumber(Object min, Object max);

    @Message("Move the slider or type a number from {min} to {max}.")
    String vasHint(Object min, Object max);

    @Message("Send my answers")
    String submit();

    @Message("There is a problem with your answers")
    String errorSummary();

    @Message("Please answer this question.")
    String errorRequired();

    @Message("Choose a value from {min} to {max}.")
    String errorRange(Object min, Object max);

    @Message("Use steps of {step}.")
    String errorStep(Object step);

    @Message("Enter a number, for example {example}.")
    String errorNumber(Object example);

    @Message("This question needs an answer.")
    String errorNa();

    @Message("Thank you")
    String thanksTitle();

    @Message("Your answers were received. You can close this page now.")
    String thanksBody();

    /** The client's own chart on the thank-you page, when the organization and the pair allow it (issue 16). */
    @Message("Your ratings so far")
    String chartTitle();

    @Message("The totals of your own answers, by session date. This page closes when your visit ends.")
    String chartIntro();

    @Message("Ratings: {count}, from {first} to {last}. Scale: {min} to {max}. Latest: {latest}.")
    String chartDesc(Object count, Object first, Object last, Object min, Object max, Object latest);

    @Message("Session date")
    String chartDate();

    @Message("Your total ({min} to {max})")
    String chartTotal(Object min, Object max);

    @Message("Your answers were already received")
    String usedTitle();

    @Message("This form has already been sent. Thank you. You can close this page.")
    String usedBody();

    @Message("This link has expired")
    String expiredTitle();

    @Message("This form is no longer open. If you would still like to answer, please ask your therapist for a new link.")
    String expiredBody();

    @Message("Link not found")
    String unknownTitle();

    @Message("We could not find a form for this link. Please check that you opened the whole link from your message, or ask your therapist for a new one.")
    String unknownBody();

    @Message("Please wait a moment")
    String limitedTitle();

    @Message("Too many links were tried from this device. Please wait a minute and try again.")
    String limitedBody();

    @Message("Please open the form again")
    String forbiddenTitle();

    @Message("This page was out of date, so your answers were not sent. Please open the link from your message again.")
    String forbiddenBody();

    @Message("This form page has closed")
    String endedTitle();

    @Message("For your privacy the form closes after a while. Please open the link from your message again.")
    String endedBody();

    @Message("Opening your form")
    String opening();

    @Message("Continue")
    String cont();

    @Message("Your feedback on your session")
    String emailSubject();

    @Message("Hello,\n\nPlease tell us how your session went. It takes a few minutes:\n\n{url}\n\nThe link works until {expires}. It is personal: please do not forward it.")
    String emailBody(Object url, Object expires);

    @Message("Reminder: your feedback on your session")
    String reminderSubject();

    @Message("Hello,\n\nYou have not yet told us how your session went. It takes a few minutes:\n\n{url}\n\nThe link works until {expires}. This is the only reminder.")
    String reminderBody(Object url, Object expires);
}
