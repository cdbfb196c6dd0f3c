import { createContext, useContext } from 'react'

// The browser hides nonce attributes from scripts, so on the client this is empty by design.
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
