package dev.roadie.speaker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A well-formed document of an endpoint roadie does not model (clock, language, network statistics,
 * media servers...): its root name and its content as a tree.
 */
public record XmlDocument(String root, JsonNode content) {}
