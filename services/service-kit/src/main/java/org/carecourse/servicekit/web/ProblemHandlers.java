package org.carecourse.servicekit.web;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.idempotency.IdempotencyFilter;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;

/**
 * One RFC 9457 problem+json shape for every service. Validation problems list each offending
 * field under {@code errors}; business refusals name their rule under {@code rule}.
 */
@RestControllerAdvice
public class ProblemHandlers extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request has invalid fields");
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query or path parameter out of its bounds (e.g. {@code ?limit=999}): 400 naming the parameter as the client sent it. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request has invalid parameters");
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of("field", parameterName(result),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String parameterName(ParameterValidationResult result) {
        RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return String.valueOf(result.getMethodParameter().getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this endpoint");
        problem.setTitle("Malformed request");
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "cannot be read as the expected type")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter '" + ex.getName() + "' has an invalid value");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "invalid value")));
        return problem;
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request has invalid fields");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail businessRule(BusinessRuleViolation ex) {
        HttpStatus status = switch (ex.kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setTitle("Business rule violated");
        problem.setProperty("rule", ex.rule());
        ex.details().forEach(problem::setProperty);
        return problem;
    }

    /**
     * Two commands raced for one aggregate and this one lost (its events were not stored): 409,
     * and safe to send again. Marked on the request so a keyed request can be run again whole.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentModification(Exception ex, HttpServletRequest request) {
        request.setAttribute(IdempotencyFilter.CONFLICT_ATTRIBUTE, Boolean.TRUE);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "another change to the same record was saved at the same moment; nothing was changed, send the request again");
        problem.setTitle("Concurrent modification");
        problem.setProperty("rule", "concurrent-modification");
        return problem;
    }

    /** Axon wraps handler exceptions when they cross a bus boundary; unwrap business refusals. */
    @ExceptionHandler(CommandExecutionException.class)
    Object commandFailed(CommandExecutionException ex, HttpServletRequest request) {
        if (ex.getCause() instanceof BusinessRuleViolation violation) {
            return businessRule(violation);
        }
        if (ex.getCause() instanceof InvalidFieldException invalid) {
            return invalidField(invalid);
        }
        if (ex.getCause() instanceof ConcurrencyException || ex.getCause() instanceof AggregateStreamCreationException) {
            return concurrentModification(ex, request);
        }
        if (databaseBusy(ex)) {
            return busy();
        }
        Optional<String> excluded = exclusionConstraint(ex);
        if (excluded.isPresent()) {
            return excluded(excluded.get());
        }
        LOG.error("command failed", ex);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setTitle("Command failed");
        return problem;
    }

    /**
     * No pooled connection came free within the pool's wait (a load peak, or the database gone):
     * 503 with Retry-After, so clients back off instead of piling on. Counted by Hikari
     * ({@code hikaricp_connections_timeout_total}).
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
        LOG.warn("no database connection: {}", ex.toString());
        return busy();
    }

    private static ResponseEntity<ProblemDetail> busy() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the service is busy or its database is unavailable; nothing was changed, try again shortly");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    /**
     * A read model's exclusion constraint refused the change in its own transaction (e.g. two
     * bookings of one chair overlapping): 409 naming the constraint as the rule, nothing stored.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    Object dataIntegrity(DataIntegrityViolationException ex) {
        return exclusionConstraint(ex).<Object>map(ProblemHandlers::excluded).orElseGet(() -> {
            LOG.error("data integrity violation", ex);
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
            problem.setTitle("Request failed");
            return problem;
        });
    }

    private static ProblemDetail excluded(String constraint) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "conflicts with an existing record (" + constraint + "); nothing was changed");
        problem.setTitle("Conflict");
        problem.setProperty("rule", constraint.replace('_', '-'));
        return problem;
    }

    /** The constraint's name when PostgreSQL refused the write by an exclusion constraint (SQLState 23P01). */
    static Optional<String> exclusionConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && "23P01".equals(psql.getSQLState())) {
                return Optional.ofNullable(psql.getServerErrorMessage()).map(m -> m.getConstraint()).filter(c -> c != null)
                        .or(() -> Optional.of("exclusion-constraint"));
            }
        }
        return Optional.empty();
    }

    private static boolean databaseBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }
}
