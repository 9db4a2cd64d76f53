"""The ground floor: what every other package needs and nothing genai-specific.

Owns the error types and their exit codes (:mod:`.errors`), the environment
variables genai reads (:mod:`.environment`), JSON through the C codec
(:mod:`.jsonio`), atomic writes (:mod:`.atomic`) and the cache folder
(:mod:`.cachefiles`). May import the standard library only, never another
package of genai.
"""
