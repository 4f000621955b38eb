package dev.assay.api.upload;

import dev.assay.api.problem.ApiException;
import org.springframework.http.HttpStatus;

/** An upload refused before anything was stored, with what is wrong with the file and how to fix it. */
public class RefusedUploadException extends ApiException {

    RefusedUploadException(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static RefusedUploadException empty(String fileName) {
        return new RefusedUploadException(
                HttpStatus.BAD_REQUEST,
                "Empty file",
                "'" + fileName + "' is empty; choose a CSV file with a header row and at least one data row");
    }

    static RefusedUploadException notCsv(String fileName, String why) {
        return new RefusedUploadException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a CSV file", "'" + fileName + "' is not a CSV file: " + why);
    }

    static RefusedUploadException badOption(String fileName, String why) {
        return new RefusedUploadException(
                HttpStatus.BAD_REQUEST, "Unusable upload option", "'" + fileName + "' cannot be read as asked: " + why);
    }

    static RefusedUploadException unusable(String fileName, String why) {
        return new RefusedUploadException(
                HttpStatus.UNPROCESSABLE_CONTENT, "Unusable CSV file", "'" + fileName + "' cannot be used: " + why);
    }
}
