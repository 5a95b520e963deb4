package org.evenhand.security;

import static io.restassured.RestAssured.given;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every endpoint of the application: the OpenAPI document's operations, and the JAX-RS methods it hides. */
final class Endpoints {

    record Operation(String method, String path, List<String> pathParams, List<String> queryParams,
            List<String> declaredRoles, Map<String, Object> jsonSchema, Set<String> consumes) {

        String key() {
            return method + " " + path;
        }
    }

    private Endpoints() {
    }

    /** The operations of /q/openapi, with their parameters, the roles they declare and their JSON body schema. */
    @SuppressWarnings("unchecked")
    static List<Operation> fromOpenApi() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> root = doc.getMap("$");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) root.getOrDefault("components",
                Map.of())).getOrDefault("schemas", Map.of());
        List<Operation> ops = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) root.get("paths");
        for (var p : paths.entrySet()) {
            for (var m : p.getValue().entrySet()) {
                if (!(m.getValue() instanceof Map)) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) m.getValue();
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                for (Map<String, Object> param : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                    ("path".equals(param.get("in")) ? pathParams : queryParams).add((String) param.get("name"));
                }
                List<String> roles = new ArrayList<>();
                for (Map<String, List<String>> sec : (List<Map<String, List<String>>>) op.getOrDefault("security",
                        List.of())) {
                    sec.values().forEach(roles::addAll);
                }
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.getOrDefault(
                        "requestBody", Map.of())).getOrDefault("content", Map.of());
                Map<String, Object> schema = null;
                if (content.get("application/json") instanceof Map<?, ?> json) {
                    schema = resolve((Map<String, Object>) json.get("schema"), schemas);
                }
                ops.add(new Operation(m.getKey().toUpperCase(), p.getKey(), pathParams, queryParams, roles, schema,
                        new TreeSet<>(content.keySet())));
            }
        }
        return ops;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema != null && schema.get("$ref") instanceof String ref) {
            return resolve((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas);
        }
        return schema;
    }

    /** Every JAX-RS resource method in the application, as "METHOD /path", found in the compiled classes. */
    static Set<String> jaxRsMethods() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.evenhand");
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            String base = c.tryGetAnnotationOfType(jakarta.ws.rs.Path.class).map(jakarta.ws.rs.Path::value).orElse(null);
            if (base == null) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                for (String verb : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
                    if (m.getAnnotations().stream().anyMatch(a -> a.getRawType().getName().equals("jakarta.ws.rs." + verb))) {
                        String sub = m.tryGetAnnotationOfType(jakarta.ws.rs.Path.class).map(jakarta.ws.rs.Path::value)
                                .orElse("");
                        String path = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                        found.add(verb + " " + path);
                    }
                }
            }
        }
        return found;
    }
}
